// Every user-visible English sentence lives in a catalogue (strings.ts), so a translation can be added in one place
// (docs/translating.md). This scans the .tsx sources with the TypeScript compiler and fails on English outside them:
// JSX text, string literals in JSX children, string literals in any JSX prop that is not code (className, type, name
// …), and the `label:`, `title:`, `hint:` and `fallback:` of option lists and forms.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const WEB = join(__dirname, '..', '..');
const ROOTS = ['apps', 'shell/src', 'packages/ui/src', 'packages/charts/src'];
/** Props whose values are code, not words. */
const CODE_PROPS = /^(className|class|type|name|id|key|href|src|role|inputMode|enterKeyHint|loading|decoding|autoComplete|variant|kind|method|accept|htmlFor|rel|target|lang|dir|value|defaultValue|width|height|radius|panel|module|sort|scope|list|textAnchor|dominantBaseline|viewBox|d|fill|stroke|strokeWidth|transform|xmlns|data-.*|aria-(?!label$|description$|roledescription$|valuetext$).*)$/;
/** Object properties that carry words in option lists and form hooks. */
const WORD_KEYS = new Set(['label', 'title', 'hint', 'fallback', 'message']);

/** Words that are not the UI language's (symbols, units, names): file, text, and why each is allowed. */
const ALLOWED: { file: string; text: string; why: string }[] = [
  { file: 'apps/expenses/src/import/CsvOptions.tsx', text: 'UTF-8', why: 'an encoding\'s name, the same in every language' },
  { file: 'apps/expenses/src/import/CsvOptions.tsx', text: 'Windows-1252 / Latin-1', why: 'encoding names' },
  { file: 'apps/nutrition/src/recipes/RecipeImport.tsx', text: 'https://', why: 'a URL scheme, the same in every language' },
];

/** Letters that read as a word: two or more in a row (so "×", "€", "–", "%" and figures pass). */
const PROSE = /\p{L}{2,}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'test' || e.name === 'dist' ? [] : tsxFiles(p);
    return e.name.endsWith('.tsx') ? [p] : [];
  });
}

/** String literals an expression can evaluate to directly (`a ? 'x' : 'y'`, `a ?? 'x'`, `a && 'x'`), not inside calls. */
function literals(e: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e];
  if (ts.isTemplateExpression(e)) return [e.head, ...e.templateSpans.map((s) => s.literal)];
  if (ts.isParenthesizedExpression(e)) return literals(e.expression);
  if (ts.isConditionalExpression(e)) return [...literals(e.whenTrue), ...literals(e.whenFalse)];
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.PlusToken].includes(e.operatorToken.kind)) {
    return [...literals(e.left), ...literals(e.right)];
  }
  return [];
}

function textOf(n: ts.Node): string {
  if (ts.isJsxText(n)) return n.text.replace(/\s+/g, ' ').trim();
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) return n.text;
  return '';
}

export function inlineEnglish(file: string, source: string): { file: string; line: number; text: string }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: ts.Node[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n)) found.push(n);
    else if (ts.isJsxExpression(n) && n.expression && !ts.isJsxAttribute(n.parent)) found.push(...literals(n.expression));
    else if (ts.isPropertyAssignment(n) && WORD_KEYS.has(n.name.getText(sf))) found.push(...literals(n.initializer));
    else if (ts.isJsxAttribute(n) && n.initializer && !CODE_PROPS.test(n.name.getText(sf))) {
      const init = n.initializer;
      if (ts.isStringLiteral(init)) found.push(init);
      else if (ts.isJsxExpression(init) && init.expression) found.push(...literals(init.expression));
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found
    .map((n) => ({ file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text: textOf(n) }))
    .filter((f) => PROSE.test(f.text));
}

describe('UI words live in the catalogues', () => {
  const files = ROOTS.flatMap((r) => tsxFiles(join(WEB, r)));

  it('finds the .tsx sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('catches inline English (the scanner works)', () => {
    const sample = `const A = () => <div className="grow muted" title="Close it" aria-label={x ? 'Open' : 'Shut'}>Hello there {'Try again'} {t.ok} ×</div>;
      const B = () => <Field hint="Say more" label={\`Edit \${name}\`} options={[{ value: 'a', label: 'All tanks' }]} />;`;
    expect(inlineEnglish('sample.tsx', sample).map((f) => f.text)).toEqual(['Close it', 'Open', 'Shut', 'Hello there', 'Try again', 'Say more', 'Edit ', 'All tanks']);
  });

  it('no .tsx file has English outside a catalogue', () => {
    const found = files.flatMap((f) => inlineEnglish(relative(WEB, f), readFileSync(f, 'utf8')))
      .filter((f) => !ALLOWED.some((a) => a.file === f.file && a.text === f.text));
    expect(found.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('every exception is still needed', () => {
    const all = files.flatMap((f) => inlineEnglish(relative(WEB, f), readFileSync(f, 'utf8')));
    expect(ALLOWED.filter((a) => !all.some((f) => f.file === a.file && f.text === a.text))).toEqual([]);
  });
});
