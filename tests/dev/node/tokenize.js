// Tokenize texts with vscode-textmate + vscode-oniguruma, the engine VS Code itself uses.
// stdin: {"grammar": "path/to/lmac.tmLanguage.json", "texts": ["...", ...]}
// stdout: [[[token text, [scopes...]], ...], ...]  one list per text, lines joined by "\n" tokens
const fs = require("fs");
const path = require("path");
const oniguruma = require("vscode-oniguruma");
const textmate = require("vscode-textmate");

async function main() {
  const input = JSON.parse(fs.readFileSync(0, "utf8"));
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(input.grammar, "utf8"), input.grammar),
  });
  const grammar = await registry.loadGrammar("source.lmac");
  const out = input.texts.map((text) => {
    let stack = textmate.INITIAL;
    const tokens = [];
    text.split("\n").forEach((line, i) => {
      if (i > 0) tokens.push(["\n", []]);
      const result = grammar.tokenizeLine(line, stack);
      for (const t of result.tokens) {
        tokens.push([line.substring(t.startIndex, t.endIndex), t.scopes.slice(1)]);
      }
      stack = result.ruleStack;
    });
    return tokens;
  });
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
