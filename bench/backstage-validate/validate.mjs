// Checks every document of catalog-info.yaml files the way Backstage's catalog backend does
// before it stores an entity: the default entity policies (namespace, no foreign root fields,
// field formats, the envelope schema) and the validator of the entity's kind.
// Backstage's placeholder processor runs before those checks and replaces {$text|$json|$yaml: ref}
// with the content it fetches (an API's definition, say); this script cannot fetch, so it puts a
// string in their place, as Backstage would, and counts them.
//   node validate.mjs FILE...
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import {
  EntityPolicies, DefaultNamespaceEntityPolicy, NoForeignRootFieldsEntityPolicy, FieldFormatEntityPolicy,
  SchemaValidEntityPolicy, apiEntityV1alpha1Validator, componentEntityV1alpha1Validator, domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator, resourceEntityV1alpha1Validator, systemEntityV1alpha1Validator, userEntityV1alpha1Validator,
} from '@backstage/catalog-model';

const policy = EntityPolicies.allOf([new DefaultNamespaceEntityPolicy(), new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(), new SchemaValidEntityPolicy()]);
const kinds = [apiEntityV1alpha1Validator, componentEntityV1alpha1Validator, domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator, resourceEntityV1alpha1Validator, systemEntityV1alpha1Validator, userEntityV1alpha1Validator];

let documents = 0, failures = 0, placeholders = 0;
function substitutePlaceholders(value) {
  if (Array.isArray(value)) return value.map(substitutePlaceholders);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && ['$text', '$json', '$yaml'].includes(keys[0])) {
      placeholders++;
      return `(content of ${value[keys[0]]})`;
    }
    return Object.fromEntries(keys.map(k => [k, substitutePlaceholders(value[k])]));
  }
  return value;
}
const byKind = {};
for (const file of process.argv.slice(2)) {
  const parsed = parseAllDocuments(readFileSync(file, 'utf8'));
  for (const [index, doc] of parsed.entries()) {
    if (doc.errors.length) { failures++; console.log(`${file} #${index + 1}: YAML: ${doc.errors[0].message}`); continue; }
    const entity = substitutePlaceholders(doc.toJSON());
    if (entity == null) continue;
    documents++;
    try {
      const checked = await policy.enforce(entity);
      let known = false;
      for (const validator of kinds) {
        if (await validator.check(checked)) { known = true; break; }
      }
      if (!known) throw new Error(`no validator accepts kind ${entity.kind} ${entity.apiVersion}`);
      byKind[entity.kind] = (byKind[entity.kind] ?? 0) + 1;
    } catch (e) {
      failures++;
      console.log(`${file} #${index + 1} (${entity?.kind}:${entity?.metadata?.name}): ${e.message}`);
    }
  }
}
console.log(JSON.stringify({ documents, accepted: documents - failures, failures, placeholders, byKind }));
process.exit(failures === 0 && documents > 0 ? 0 : 1);
