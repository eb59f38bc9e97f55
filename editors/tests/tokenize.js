#!/usr/bin/env node
// Tokenizes every .policy file of the repository with the TextMate grammar, through
// vscode-textmate and vscode-oniguruma (the engine VS Code itself runs), and compares
// the scopes of sample.policy with sample.scopes.
//
//   node editors/tests/tokenize.js REPO_ROOT [--update]
//
// Exit codes: 0 pass, 1 fail, 77 skipped because the npm packages are not installed
// (`npm ci --prefix editors/tests` installs them; POLICYC_TEXTMATE_MODULES may name
// another node_modules folder).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(process.argv[2] || path.join(__dirname, '..', '..'));
const update = process.argv.includes('--update');
const modules = process.env.POLICYC_TEXTMATE_MODULES || path.join(__dirname, 'node_modules');

function load(name) {
  try {
    return require(path.join(modules, name));
  } catch (e) {
    console.log(`SKIP: npm package ${name} not found in ${modules}; ` +
                'run `npm ci --prefix editors/tests` (needs the npm registry) to test the grammar');
    process.exit(77);
  }
}
const textmate = load('vscode-textmate');
const oniguruma = load('vscode-oniguruma');

const grammarFile = path.join(root, 'editors/vscode/syntaxes/policy.tmLanguage.json');
const sampleFile = path.join(root, 'editors/tests/sample.policy');
const goldenFile = path.join(root, 'editors/tests/sample.scopes');
// Policies that must be clean: every character scoped, nothing marked invalid. Other
// .policy files (test fixtures) may be broken on purpose and need only tokenize.
const strictDirs = ['policies', 'editors', 'examples'];
const skippedDirs = new Set(['.git', 'node_modules']);

function policyFiles(dir, found = []) {
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skippedDirs.has(entry.name) && !entry.name.startsWith('build')) policyFiles(full, found);
    } else if (entry.name.endsWith('.policy')) {
      found.push(full);
    }
  }
  return found.sort();
}

async function loadGrammar() {
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve(
      path.join(modules, 'vscode-oniguruma'))), 'onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => scopeName !== 'source.policy' ? null :
        textmate.parseRawGrammar(fs.readFileSync(grammarFile, 'utf8'), grammarFile),
  });
  return registry.loadGrammar('source.policy');
}

// Tokens of a file, line by line: [{line, text, scopes}], scopes without the root.
function tokenize(grammar, text, problems, name) {
  const tokens = [];
  let stack = textmate.INITIAL;
  text.replace(/\n$/, '').split('\n').forEach((line, index) => {
    const result = grammar.tokenizeLine(line, stack, 1000);
    if (result.stoppedEarly) problems.push(`${name}:${index + 1}: tokenizing took over 1s`);
    let covered = 0;
    for (const t of result.tokens) {
      if (t.startIndex !== covered) problems.push(`${name}:${index + 1}: tokens leave a gap`);
      covered = Math.min(t.endIndex, line.length);
      tokens.push({line: index + 1, column: t.startIndex + 1,
                   text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1)});
    }
    if (covered !== line.length) problems.push(`${name}:${index + 1}: tokens stop early`);
    stack = result.ruleStack;
  });
  return tokens;
}

function checkClean(tokens, problems, name) {
  for (const t of tokens) {
    const where = `${name}:${t.line}:${t.column}`;
    if (t.scopes.some((s) => s.startsWith('invalid.'))) {
      problems.push(`${where}: '${t.text}' is scoped invalid (${t.scopes.join(' ')})`);
    } else if (t.text.trim() !== '' && t.scopes.length === 0) {
      problems.push(`${where}: '${t.text}' has no scope but source.policy`);
    }
  }
}

function render(tokens, text) {
  const lines = text.split('\n');
  let out = '';
  let last = 0;
  for (const t of tokens) {
    if (t.line !== last) {
      out += `# ${t.line}: ${lines[t.line - 1]}\n`;
      last = t.line;
    }
    if (t.text.trim() !== '') out += `${t.text}\t${t.scopes.join(' ')}\n`;
  }
  return out;
}

async function main() {
  const grammar = await loadGrammar();
  const problems = [];
  const files = policyFiles(root);
  for (const file of files) {
    const name = path.relative(root, file);
    const tokens = tokenize(grammar, fs.readFileSync(file, 'utf8'), problems, name);
    if (strictDirs.includes(name.split(path.sep)[0])) checkClean(tokens, problems, name);
  }
  const sample = fs.readFileSync(sampleFile, 'utf8');
  const scopes = render(tokenize(grammar, sample, problems, 'sample.policy'), sample);
  if (update) {
    fs.writeFileSync(goldenFile, scopes);
  } else if (!fs.existsSync(goldenFile) || fs.readFileSync(goldenFile, 'utf8') !== scopes) {
    const actual = path.join(os.tmpdir(), 'policyc-sample.actual.scopes');
    fs.writeFileSync(actual, scopes);
    problems.push(`the scopes of sample.policy differ from ${path.relative(root, goldenFile)}; ` +
                  `diff -u ${goldenFile} ${actual}`);
  }
  for (const p of problems) console.log(`FAIL ${p}`);
  console.log(`tokenized ${files.length} policy files; ${problems.length} problems`);
  process.exit(problems.length === 0 ? 0 : 1);
}

main().catch((e) => {
  console.log(`FAIL ${e.stack || e}`);
  process.exit(1);
});
