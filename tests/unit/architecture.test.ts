// The boundaries of the code, read from the code itself (the TypeScript compiler's parser), so
// that a new module cannot quietly step over them:
//   - a lib module that reads or writes the database is server-only;
//   - every exported verb that writes checks a permission;
//   - every server action goes through authedAction.
// Lint enforces the rest (no db in app/ or components/, no app/ in components/, no update or
// delete without where).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel));
    else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

// db/schema alone (tables, enum lists) reaches nothing; a connection or a query builder does.
const DB_MODULES = /^(@\/db\/client|drizzle-orm(\/.*)?|postgres|@electric-sql\/pglite)$/;

/** The modules a file imports at run time (type-only imports left out). */
function valueImports(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const clause = st.importClause;
    if (clause?.isTypeOnly) continue;
    const named = clause?.namedBindings;
    const allTypes = !clause?.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
    if (!allTypes) out.push(st.moduleSpecifier.text);
  }
  return out;
}

const hasSideEffectImport = (sf: ts.SourceFile, name: string) =>
  sf.statements.some((st) => ts.isImportDeclaration(st) && !st.importClause && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text === name);

interface Exported {
  name: string;
  params: string;
  body: string;
}

/** Exported functions (declarations and `export const f = (…) => …`) with their parameter and body text. */
function exportedFunctions(sf: ts.SourceFile): Exported[] {
  const out: Exported[] = [];
  const exported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && exported(st) && st.name && st.body) {
      out.push({ name: st.name.text, params: st.parameters.map((p) => p.getText(sf)).join(', '), body: st.body.getText(sf) });
    }
    if (ts.isVariableStatement(st) && exported(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && ts.isIdentifier(d.name)) {
          out.push({ name: d.name.text, params: init.parameters.map((p) => p.getText(sf)).join(', '), body: init.body.getText(sf) });
        }
      }
    }
  }
  return out;
}

const permissions = (() => {
  const sf = parse('lib/auth/permissions.ts');
  return [...sf.getFullText().matchAll(/^\s+'([a-z_]+\.[a-z_]+)':/gm)].map((m) => m[1]!);
})();

const WRITES = /\.(insert|update|delete)\(|\brecordAudit\(|execute\(sql`\s*(WITH[\s\S]*?)?(INSERT|UPDATE|DELETE)\b/i;

const libFiles = filesUnder('lib').filter((f) => !f.endsWith('.d.ts'));

describe('architecture', () => {
  it('knows the permissions of the role matrix', () => {
    expect(permissions).toContain('payout.approve');
    expect(permissions.length).toBeGreaterThan(20);
  });

  it('every lib module that reaches the database imports server-only', () => {
    const missing = libFiles.filter((f) => {
      const sf = parse(f);
      return valueImports(sf).some((m) => DB_MODULES.test(m)) && !hasSideEffectImport(sf, 'server-only');
    });
    expect(missing, `add \`import 'server-only';\` to: ${missing.join(', ')}`).toEqual([]);
  });

  it('every exported verb that writes checks a permission', () => {
    const verbs: string[] = [];
    const unchecked: string[] = [];
    for (const f of libFiles) {
      if (f.endsWith('/actions.ts')) continue; // server actions: authedAction → the verb, checked below and there
      for (const fn of exportedFunctions(parse(f))) {
        // A verb acts for a signed-in user. Helpers that take the caller's transaction run inside a
        // verb that has checked already (they cannot open one of their own).
        if (!/\bSessionUser\b/.test(fn.params) || /\btx: Tx\b/.test(fn.params) || !WRITES.test(fn.body)) continue;
        verbs.push(`${f}:${fn.name}`);
        const checks = /\bassertCan\(/.test(fn.body) || permissions.some((p) => fn.body.includes(`'${p}'`));
        if (!checks) unchecked.push(`${f}:${fn.name}`);
      }
    }
    expect(verbs.length, 'the scan found the verbs (a broken scan would pass vacuously)').toBeGreaterThan(30);
    expect(unchecked, 'these verbs write without checking a permission (assertCan or a step helper given one)').toEqual([]);
  });

  it('every server action goes through authedAction', () => {
    const files = [...libFiles, ...filesUnder('app')].filter((f) => /^['"]use server['"]/.test(fs.readFileSync(path.join(root, f), 'utf8').trimStart()));
    expect(files.length).toBeGreaterThan(5);
    const bare: string[] = [];
    for (const f of files) {
      const sf = parse(f);
      for (const st of sf.statements) {
        const exported = ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
        if (!exported) continue;
        if (ts.isFunctionDeclaration(st)) bare.push(`${f}:${st.name?.text}`);
        if (ts.isVariableStatement(st)) {
          for (const d of st.declarationList.declarations) {
            const init = d.initializer;
            // accountAction: authedAction for the account's own steps (also while the session owes one).
            if (!init || !ts.isCallExpression(init) || !['authedAction', 'accountAction'].includes(init.expression.getText(sf))) {
              bare.push(`${f}:${d.name.getText(sf)}`);
            }
          }
        }
      }
    }
    expect(bare, 'export server actions only as authedAction(schema, verb)').toEqual([]);
  });
});
