// Record ids are UUIDs. A string that is not one names no record: verbs answer "not found"
// before asking the database (which would otherwise fail the cast and the whole transaction).
const UUID_TEXT = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID = new RegExp(`^${UUID_TEXT}$`, 'i');
const UUID_INSIDE = new RegExp(UUID_TEXT, 'i');

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The first UUID inside a text (a pasted page address, say), lower-case; null when there is none. */
export function findUuid(text: string): string | null {
  const found = UUID_INSIDE.exec(text);
  return found ? found[0].toLowerCase() : null;
}
