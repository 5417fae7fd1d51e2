// The audit action codes and object kinds the source writes, read from the code itself with the
// TypeScript compiler: every `action:` / `entity:` property and every argument given to a
// parameter named `action` (runStep, runCaseStep, …), with template forms such as
// `application.${input.decision}` resolved from the types of their parts, and the quoted codes of
// any SQL that inserts into audit_log directly.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const root = path.resolve(__dirname, '../../..');
const SCANNED = ['lib', 'app', 'db', 'scripts', 'components'];

function filesUnder(dir: string, ext: RegExp): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel, ext));
    else if (ext.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** The TypeScript files the scans read (lib, app, db, scripts, components), relative to the root. */
export function tsSourceFiles(): string[] {
  return SCANNED.flatMap((d) => filesUnder(d, /\.tsx?$/));
}

export interface Found {
  value: string;
  where: string;
}

export interface AuditSource {
  actions: Found[];
  entities: Found[];
  /** Expressions given as an action or entity whose values the scan could not enumerate. */
  unresolved: Found[];
  files: number;
}

/** A value that is a code written out (literal, template, conditional), as opposed to one passed through. */
function isWrittenOut(e: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return isWrittenOut(e.expression);
  if (ts.isConditionalExpression(e)) return isWrittenOut(e.whenTrue) || isWrittenOut(e.whenFalse);
  return ts.isStringLiteralLike(e) || ts.isTemplateExpression(e);
}

const SQL_AUDIT_INSERT = /insert\s+into\s+"?audit_log"?/i;
const QUOTED_CODE = /'([a-z_]+(?:\.[a-z_]+)?)'/g;

export function scanAuditSource(): AuditSource {
  const tsFiles = tsSourceFiles();
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, root);
  const program = ts.createProgram(tsFiles.map((f) => path.join(root, f)), { ...config.options, noEmit: true, incremental: false });
  const checker = program.getTypeChecker();
  const out: AuditSource = { actions: [], entities: [], unresolved: [], files: tsFiles.length };

  /** The string values a (sub)expression may take, from its type: a literal or a union of literals. */
  function valuesOfType(e: ts.Expression): string[] | null {
    const t = checker.getTypeAtLocation(e);
    const parts = t.isUnion() ? t.types : [t];
    const values: string[] = [];
    for (const p of parts) {
      if (p.isStringLiteral()) values.push(p.value);
      else if (p.isNumberLiteral()) values.push(String(p.value));
      else if (p.flags & ts.TypeFlags.BooleanLiteral) values.push(checker.typeToString(p));
      else return null;
    }
    return values;
  }

  function values(e: ts.Expression): string[] | null {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return values(e.expression);
    if (ts.isStringLiteralLike(e)) return [e.text];
    if (ts.isConditionalExpression(e)) {
      const a = values(e.whenTrue);
      const b = values(e.whenFalse);
      return a && b ? [...a, ...b] : null;
    }
    if (ts.isTemplateExpression(e)) {
      let acc = [e.head.text];
      for (const span of e.templateSpans) {
        const vs = valuesOfType(span.expression);
        if (!vs) return null;
        acc = acc.flatMap((prefix) => vs.map((v) => prefix + v + span.literal.text));
      }
      return acc;
    }
    return valuesOfType(e);
  }

  function take(list: Found[], e: ts.Expression, sf: ts.SourceFile, writtenOnly: boolean) {
    const where = `${path.relative(root, sf.fileName)}:${sf.getLineAndCharacterOfPosition(e.getStart(sf)).line + 1}`;
    const vs = values(e);
    if (vs) list.push(...vs.map((value) => ({ value, where })));
    else if (writtenOnly || isWrittenOut(e)) out.unresolved.push({ value: e.getText(sf), where });
  }

  for (const sf of program.getSourceFiles()) {
    const rel = path.relative(root, sf.fileName);
    if (rel.startsWith('..') || rel.startsWith('node_modules') || !tsFiles.includes(rel)) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAssignment(n) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))) {
        // A code passed through (entry.action) is found where it was written; one written out here counts here.
        if (n.name.text === 'action' && isWrittenOut(n.initializer)) take(out.actions, n.initializer, sf, true);
        if (n.name.text === 'entity' && (isWrittenOut(n.initializer) || ts.isPropertyAccessExpression(n.initializer))) {
          const vs = values(n.initializer);
          if (vs || isWrittenOut(n.initializer)) take(out.entities, n.initializer, sf, false);
        }
      }
      if (ts.isCallExpression(n)) {
        const sig = checker.getResolvedSignature(n);
        sig?.getParameters().forEach((p, i) => {
          const arg = n.arguments[i];
          if (p.name === 'action' && arg && isWrittenOut(arg)) take(out.actions, arg, sf, true);
        });
      }
      if ((ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n)) && SQL_AUDIT_INSERT.test(n.getText(sf))) {
        const where = `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
        for (const m of n.getText(sf).matchAll(QUOTED_CODE)) (m[1]!.includes('.') ? out.actions : out.entities).push({ value: m[1]!, where });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  // SQL files (migrations): rows written by the database itself.
  for (const f of filesUnder('db', /\.sql$/)) {
    const text = fs.readFileSync(path.join(root, f), 'utf8');
    for (const stmt of text.split(/;\s*$/m).filter((s) => SQL_AUDIT_INSERT.test(s))) {
      for (const m of stmt.matchAll(QUOTED_CODE)) (m[1]!.includes('.') ? out.actions : out.entities).push({ value: m[1]!, where: f });
    }
  }
  return out;
}
