// Validates every object in the YAML files of a directory against the Kubernetes API schemas, as
// the kubernetes-models packages carry them (types, required fields, formats). Exits non-zero
// naming the file, the object and what is wrong. Usage: node validate.mjs <directory>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const directory = process.argv[2] ?? "../kubernetes";
const files = readdirSync(directory).filter((f) => f.endsWith(".yaml") || f.endsWith(".yml")).sort();
let problems = 0;
let checked = 0;
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(join(directory, file), "utf8"))) {
    if (doc.errors.length > 0) {
      console.error(`${file}: not YAML: ${doc.errors[0].message}`);
      problems++;
      continue;
    }
    const object = doc.toJS();
    if (object == null) {
      continue;
    }
    const name = `${file}: ${object.kind ?? "?"} ${object.metadata?.name ?? "?"}`;
    // "apps/v1" -> kubernetes-models/apps/v1/Deployment; "v1" -> kubernetes-models/v1/Service
    const modulePath = `kubernetes-models/${object.apiVersion}/${object.kind}`;
    let Model;
    try {
      Model = (await import(modulePath))[object.kind];
    } catch (notKnown) {
      console.error(`${name}: no schema for ${object.apiVersion} ${object.kind}`);
      problems++;
      continue;
    }
    try {
      new Model(object).validate();
      checked++;
    } catch (invalid) {
      console.error(`${name}: ${invalid.message}`);
      problems++;
    }
  }
}
if (checked === 0 && problems === 0) {
  console.error(`No Kubernetes objects found in ${directory}`);
  process.exit(1);
}
console.log(`${checked} Kubernetes objects valid, ${problems} problems (${files.join(", ")})`);
process.exit(problems === 0 ? 0 : 1);
