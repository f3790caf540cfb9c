// OpenAPI 3.0 Schema Objects, checked by Ajv with their 3.0 meaning: `nullable` (Ajv's own OpenAPI keyword, which
// needs `type` beside it, as OpenAPI 3.0.3 says), a `$ref` whose siblings are ignored, boolean `exclusiveMinimum` and
// `exclusiveMaximum`, and the annotations (`example`, `x-*`, `xml`, `externalDocs`, `discriminator`) left out. Ajv runs
// in strict mode, so any other keyword it does not know is an error of the document, not something to skip.

import Ajv from "ajv";
import addFormats from "ajv-formats";

const DOCUMENT_ID = "openapi-document.json";
const SCHEMAS_PREFIX = "#/components/schemas/";
const ANNOTATIONS = new Set(["example", "xml", "externalDocs", "discriminator"]);
const SUBSCHEMA = new Set(["items", "additionalProperties", "not"]);
const SUBSCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf"]);

export class SchemaValidators {
  constructor(document) {
    this.ajv = new Ajv({ strict: true, strictTypes: false, strictRequired: false, allErrors: true });
    addFormats(this.ajv);
    this.ignoredFormats = new Set();
    const definitions = {};
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      definitions[name] = this.convert(schema, `${SCHEMAS_PREFIX}${name}`);
    }
    this.ajv.addSchema({ $id: DOCUMENT_ID, definitions });
    this.compiled = new Map();
  }

  /** A validating function for the schema at `location` (a JSON pointer into the document, for messages). */
  validator(schema, location) {
    if (!this.compiled.has(location)) {
      let compiled;
      try {
        compiled = { validate: this.ajv.compile(this.convert(schema, location)) };
      } catch (error) {
        compiled = { error: `the document's schema at ${location} cannot be compiled: ${error.message}` };
      }
      this.compiled.set(location, compiled);
    }
    return this.compiled.get(location);
  }

  /** The JSON Schema for an OpenAPI 3.0 Schema Object. */
  convert(schema, location) {
    if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
      throw new Error(`${location} is not a schema object`);
    }
    if (typeof schema.$ref === "string") {
      return { $ref: this.reference(schema.$ref, location) };
    }
    const converted = {};
    for (const [key, value] of Object.entries(schema)) {
      if (ANNOTATIONS.has(key) || key.startsWith("x-")) {
        continue;
      }
      if (key === "properties") {
        converted.properties = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, this.convert(property, `${location}/properties/${name}`)]));
      } else if (SUBSCHEMA.has(key) && typeof value === "object") {
        converted[key] = this.convert(value, `${location}/${key}`);
      } else if (SUBSCHEMA_LISTS.has(key)) {
        converted[key] = value.map((part, index) => this.convert(part, `${location}/${key}/${index}`));
      } else if ((key === "exclusiveMinimum" || key === "exclusiveMaximum") && typeof value === "boolean") {
        // 3.0: a flag on minimum/maximum; JSON Schema: the bound itself.
        const bound = schema[key === "exclusiveMinimum" ? "minimum" : "maximum"];
        if (value && bound !== undefined) {
          converted[key] = bound;
        }
      } else if (key === "format" && !this.ajv.formats[value]) {
        // A format Ajv does not know is not checked: guessing what it means would judge answers by a made-up rule.
        this.ignoredFormats.add(value);
        this.ajv.addFormat(value, true);
        converted.format = value;
      } else {
        converted[key] = value;
      }
    }
    for (const bound of ["minimum", "maximum"]) {
      const flag = schema[bound === "minimum" ? "exclusiveMinimum" : "exclusiveMaximum"];
      if (flag === true && bound in converted) {
        delete converted[bound];
      }
    }
    return converted;
  }

  reference(ref, location) {
    if (!ref.startsWith(SCHEMAS_PREFIX)) {
      throw new Error(`${location}: a schema reference must point into ${SCHEMAS_PREFIX}, not ${ref}`);
    }
    return `${DOCUMENT_ID}#/definitions/${ref.slice(SCHEMAS_PREFIX.length)}`;
  }
}
