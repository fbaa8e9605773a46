// Validates a release's datapackage.json with the Frictionless Data JavaScript libraries:
// - datapackage-js checks the descriptor against the Tabular Data Package profile;
// - every resource: its bytes and SHA-256 are those of the file;
// - every CSV resource is read in full by tableschema-js with casting on: each value of its
//   declared type and constraints (required, unique, enum, pattern), primary keys unique,
//   and the row count equal to the declared one;
// - foreign keys of every CSV resource are resolved against the rows of the resource
//   referred to. datapackage-js resolves them by scanning the referred rows once per row
//   (too slow for 600,000 rows against 36,000 territories), so this script reads the
//   referred resource with the same library and resolves through a hash index.
// Usage: node validate.js path/to/datapackage.json
// Prints one line per resource and "VALID" or "INVALID: n error(s)"; exit code 0 or 1.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { Package } = require('datapackage');

async function main() {
  const descriptor = process.argv[2];
  const base = path.dirname(path.resolve(descriptor));
  const dataPackage = await Package.load(path.resolve(descriptor), { basePath: base });
  const errors = [];
  if (!dataPackage.valid) {
    for (const error of dataPackage.errors) {
      errors.push(`descriptor: ${error.message}`);
    }
  }
  const keySets = new Map();
  const keySet = async (resourceName, fields) => {
    const id = resourceName + '|' + fields.join(',');
    if (!keySets.has(id)) {
      const referred = dataPackage.getResource(resourceName);
      const set = new Set();
      const stream = await referred.iter({ keyed: true, cast: true });
      for await (const row of stream) {
        set.add(JSON.stringify(fields.map((field) => row[field])));
      }
      keySets.set(id, set);
    }
    return keySets.get(id);
  };
  for (const resource of dataPackage.resources) {
    const descriptorOf = resource.descriptor;
    const file = path.join(base, descriptorOf.path);
    const bytes = fs.statSync(file).size;
    const hash = 'sha256:' + crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    // Parquet resources give their size as bytes_on_disk (Python frictionless counts no bytes for Parquet)
    const declared = descriptorOf.format === 'parquet' ? descriptorOf.bytes_on_disk : descriptorOf.bytes;
    if (bytes !== declared) {
      errors.push(`${resource.name}: bytes ${declared} declared, ${bytes} on disk`);
    }
    if (hash !== descriptorOf.hash) {
      errors.push(`${resource.name}: hash ${descriptorOf.hash} declared, ${hash} on disk`);
    }
    if (descriptorOf.format !== 'csv') {
      console.log(`${resource.name}: ${bytes} bytes, sha256 checked (not CSV: rows not read)`);
      continue;
    }
    const foreignKeys = (descriptorOf.schema.foreignKeys || []).map((key) => ({
      fields: [].concat(key.fields),
      resource: key.reference.resource === '' ? resource.name : key.reference.resource,
      references: [].concat(key.reference.fields),
    }));
    const indexes = [];
    for (const key of foreignKeys) {
      indexes.push(await keySet(key.resource, key.references));
    }
    let rows = 0;
    let resolved = 0;
    try {
      const stream = await resource.iter({ keyed: true, cast: true });
      for await (const row of stream) {
        rows++;
        foreignKeys.forEach((key, i) => {
          const values = key.fields.map((field) => row[field]);
          if (values.every((value) => value === null)) {
            return;
          }
          if (!indexes[i].has(JSON.stringify(values))) {
            if (errors.length < 50) {
              errors.push(`${resource.name} row ${rows}: foreign key ${key.fields} = ${values} not in `
                + `${key.resource} (${key.references})`);
            }
          }
          else {
            resolved++;
          }
        });
      }
    }
    catch (error) {
      const details = (error.errors || []).slice(0, 5).map((e) => e.message).join('; ');
      errors.push(`${resource.name} row ${rows + 1}: ${error.message}${details ? ' (' + details + ')' : ''}`);
      continue;
    }
    if (rows !== descriptorOf.rows) {
      errors.push(`${resource.name}: ${descriptorOf.rows} rows declared, ${rows} read`);
    }
    console.log(`${resource.name}: ${rows} rows read and cast, primary key ${JSON.stringify(descriptorOf.schema.primaryKey || [])}, `
      + `${foreignKeys.length} foreign key(s), ${resolved} references resolved, ${bytes} bytes, sha256 checked`);
  }
  for (const error of errors) {
    console.log('ERROR ' + error);
  }
  console.log(errors.length === 0 ? 'VALID' : `INVALID: ${errors.length} error(s)`);
  process.exit(errors.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.log('ERROR ' + (error.stack || error));
  console.log('INVALID: 1 error(s)');
  process.exit(1);
});
