// The field names the source writes into audit rows' before / after, read from the code with the
// TypeScript compiler: every object literal that is an audit entry (it has `before` or `after`
// beside an `action`, `entity` or region property, also through a spread such as `...base`),
// and the keys of the types of its before / after — spreads, zod outputs and drizzle rows
// included — down into nested objects and arrays of objects (the page shows those too). Steps
// that hand their part of the row up as `audit: { … }` (runStep, runCaseStep spread it into
// after) count too. A table's or a select's before / after column is no entry.
import path from 'node:path';
import ts from 'typescript';
import { root, tsSourceFiles } from './audit-source';

export interface FoundField {
  key: string;
  where: string;
}

export interface AuditFields {
  fields: FoundField[];
  /** before / after values written out whose keys the scan could not enumerate. */
  unresolved: FoundField[];
  entries: number;
}

const ENTRY_MARKERS = ['action', 'entity', 'entityId', 'entity_id', 'regionCode', 'region_code'];
const MAX_DEPTH = 3;

export function scanAuditFields(): AuditFields {
  const tsFiles = tsSourceFiles().filter((f) => !f.startsWith(path.join('db', 'schema')));
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, root);
  const program = ts.createProgram(tsFiles.map((f) => path.join(root, f)), { ...config.options, noEmit: true, incremental: false });
  const checker = program.getTypeChecker();
  const out: AuditFields = { fields: [], unresolved: [], entries: 0 };

  const isColumn = (t: ts.Type) => checker.getPropertiesOfType(t).some((p) => ['mapFromDriverValue', '$type', '~standard'].includes(p.getName()));

  /** Keys of an object type, recursively into object-valued properties; null when it has none to name. */
  function keysOf(t: ts.Type, where: string, depth: number, seen: Set<ts.Type>): boolean {
    if (seen.has(t) || depth > MAX_DEPTH) return true;
    seen.add(t);
    if (t.isUnion()) return t.types.map((p) => keysOf(p, where, depth, seen)).every(Boolean);
    if (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike)) return true;
    if (t.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return false;
    if (checker.isArrayType(t) || checker.isTupleType(t)) {
      return (checker.getTypeArguments(t as ts.TypeReference) ?? []).map((e) => keysOf(e, where, depth, seen)).every(Boolean);
    }
    if (t.getSymbol()?.getName() === 'Date') return true;
    const props = checker.getPropertiesOfType(t);
    if (props.length === 0) return !(checker.getIndexInfosOfType(t).length > 0);
    let ok = true;
    for (const p of props) {
      out.fields.push({ key: p.getName(), where });
      const decl = p.valueDeclaration ?? p.declarations?.[0];
      const pt = decl ? checker.getTypeOfSymbolAtLocation(p, decl) : checker.getTypeOfSymbol(p);
      ok = keysOf(checker.getNonNullableType(pt), where, depth + 1, seen) && ok;
    }
    return ok;
  }

  for (const sf of program.getSourceFiles()) {
    const rel = path.relative(root, sf.fileName);
    if (!tsFiles.includes(rel)) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isObjectLiteralExpression(n)) {
        const type = checker.getTypeAtLocation(n);
        const names = new Set(checker.getPropertiesOfType(type).map((p) => p.getName()));
        const isEntry = (names.has('before') || names.has('after')) && ENTRY_MARKERS.some((m) => names.has(m));
        for (const prop of n.properties) {
          if (!(ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop)) || !ts.isIdentifier(prop.name)) continue;
          const value = ts.isPropertyAssignment(prop) ? prop.initializer : prop.name;
          const isStepPart = prop.name.text === 'audit' && ts.isObjectLiteralExpression(value);
          if (!isStepPart && !(isEntry && (prop.name.text === 'before' || prop.name.text === 'after'))) continue;
          {
            const where = `${rel}:${sf.getLineAndCharacterOfPosition(value.getStart(sf)).line + 1}`;
            const t = checker.getTypeAtLocation(value);
            if (isColumn(t)) continue;
            out.entries++;
            // A value passed through from a parameter (recordCaseAudit's entry.after) is found
            // where it was written: only values whose type names no key and that are written
            // out here (an object literal) are unresolved.
            const named = keysOf(t, where, 0, new Set());
            if (!named && ts.isObjectLiteralExpression(value)) out.unresolved.push({ key: value.getText(sf).slice(0, 80), where });
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}
