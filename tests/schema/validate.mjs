// Validates every scenarios/*.yaml against scenarios/scenario.schema.json, then checks that the schema still
// rejects a few deliberate mistakes (so a schema that accepts everything cannot pass). Exits non-zero on failure.
// The C# loader remains the authority; this keeps the schema editors use honest.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { parse, parseDocument } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const scenarios = resolve(here, "../../scenarios");
const schema = JSON.parse(readFileSync(join(scenarios, "scenario.schema.json"), "utf8"));

// Strict, except where conditional subschemas (if/then/anyOf) deliberately name properties declared beside them:
// strictTypes and strictRequired would demand each branch restate the object's type and properties.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
const validate = ajv.compile(schema);

// YAML 1.2 core schema, as the C# loader reads it: timestamps stay strings, "yes" is text.
const load = (text) => parse(text, { schema: "core", uniqueKeys: true });

let failures = 0;
const report = (file, errors) => {
  for (const e of errors) {
    console.error(`${file}: ${e.instancePath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`);
  }
};

const files = readdirSync(scenarios).filter((f) => f.endsWith(".yaml")).sort();
if (files.length === 0) {
  console.error(`no scenarios found in ${scenarios}`);
  process.exit(1);
}

for (const file of files) {
  const text = readFileSync(join(scenarios, file), "utf8");
  const doc = parseDocument(text, { schema: "core", uniqueKeys: true });
  if (doc.errors.length > 0) {
    failures++;
    doc.errors.forEach((e) => console.error(`${file}: YAML error: ${e.message}`));
    continue;
  }
  if (validate(doc.toJS())) {
    console.log(`ok   ${file}`);
  } else {
    failures++;
    report(file, validate.errors);
  }
}

// Mutations of small-test.yaml that the schema must reject — one per kind of rule it encodes — each with the
// instance path an error must point at (so a rejection for some unrelated reason does not count).
const base = readFileSync(join(scenarios, "small-test.yaml"), "utf8");
const mutations = [
  ["index out of range", "/nations/0/indices/economy", (s) => s.nations[0].indices.economy = 140],
  ["unknown key", "/nations/0", (s) => s.nations[0].nmae = "typo"],
  ["missing required key", "/nations/1/indices", (s) => delete s.nations[1].indices.readiness],
  ["wrong format", "/format", (s) => s.format = "crisisgrid/exercise"],
  ["quoted version", "/version", (s) => s.version = "1"],
  ["lower-case nation code", "/nations/3/code", (s) => s.nations[3].code = "dun"],
  ["zero duration", "/clock/turnDuration", (s) => s.clock.turnDuration = "PT0S"],
  ["turn and time together", "/msel/0/at", (s) => s.msel[0].at = { turn: 2, time: "PT30H" }],
  ["turn with a condition", "/msel/0", (s) => s.msel[0].when = { turn: { atLeast: 2 } }],
  ["negative exercise time", "/msel/1/at/time", (s) => s.msel[1].at = { time: "-PT1H" }],
  ["unknown inject kind", "/msel/0/kind", (s) => s.msel[0].kind = "cyberatack"],
  ["threshold above 1", "/alliances/0/charter/decisionRules/jointDeployment/threshold",
    (s) => s.alliances[0].charter.decisionRules.jointDeployment.threshold = 1.5],
  ["threshold on consensus", "/alliances/0/charter/decisionRules/default/threshold",
    (s) => s.alliances[0].charter.decisionRules.default.threshold = 0.5],
  ["qualified majority without threshold", "/alliances/0/charter/decisionRules/jointDeployment",
    (s) => delete s.alliances[0].charter.decisionRules.jointDeployment.threshold],
  ["bilateral with three members", "/alliances/0/members", (s) => s.alliances[0].type = "bilateral"],
  ["empty allOf", "/msel/2/when/allOf", (s) => s.msel[2].when = { allOf: [] }],
  ["condition with two keys", "/msel/2/when",
    (s) => s.msel[2].when = { turn: { atLeast: 2 }, tension: { between: ["ARD", "BOR"], above: 5 } }],
  ["between one nation", "/msel/2/when/allOf/0/tension/between", (s) => s.msel[2].when.allOf[0].tension.between = ["ARD"]],
  ["two-key trigger", "/msel/2/triggers/0",
    (s) => s.msel[2].triggers[0] = { release: "refugee-flow", armedAttack: { attacker: "BOR", victim: "ARD" } }],
  ["effect that changes nothing", "/msel/0/effects/0", (s) => s.msel[0].effects[0] = { nation: "ARD" }],
];
for (const [name, path, mutate] of mutations) {
  const scenario = load(base);
  mutate(scenario);
  if (validate(scenario)) {
    failures++;
    console.error(`schema accepted a mutation it must reject: ${name}`);
  } else if (!validate.errors.some((e) => e.instancePath === path)) {
    failures++;
    console.error(`schema rejected "${name}" but not at ${path}:`);
    report("small-test.yaml (mutated)", validate.errors);
  } else {
    console.log(`ok   rejects ${name} at ${path}`);
  }
}

if (failures > 0) {
  console.error(`${failures} failure(s)`);
  process.exit(1);
}
console.log(`${files.length} scenario(s) valid; ${mutations.length} mutations rejected`);
