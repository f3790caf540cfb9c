// Judges one answer (method and path or operationId, status, headers, body) by the OpenAPI document: the status must
// be documented for the operation, the media type must be one the response lists, the body must match its schema,
// and the required documented headers must be there and match theirs.

import { AnswerError, findOperation, findResponse, formatSuffixes, operations, resolve } from "./openapi-document.js";
import { SchemaValidators } from "./openapi-schemas.js";

const MAX_ERRORS = 10;

export class AnswerChecker {
  constructor(document) {
    this.document = document;
    this.operations = operations(document);
    this.formatSuffixes = formatSuffixes(document);
    this.schemas = new SchemaValidators(document);
  }

  /** Compiles every response schema up front; returns the ones Ajv cannot compile, with why. */
  compileAll() {
    const failures = [];
    for (const operation of this.operations) {
      for (const [key, reference] of Object.entries(operation.operation.responses ?? {})) {
        for (const [mediaType, content] of Object.entries(resolve(this.document, reference).content ?? {})) {
          if (content.schema) {
            const { error } = this.schemas.validator(content.schema, `${responseLocation(operation, key)}/content/${escape(mediaType)}/schema`);
            failures.push(...(error ? [error] : []));
          }
        }
      }
    }
    return failures;
  }

  /** { operation, errors }: errors is empty when the answer is one the document allows. */
  check(answer) {
    let operation = null;
    try {
      operation = findOperation(this.operations, answer, this.formatSuffixes);
      const { key, response } = findResponse(this.document, operation, answer.status);
      const location = responseLocation(operation, key);
      const errors = [...this.checkHeaders(response, answer.headers ?? {}, location), ...this.checkBody(response, answer, location)];
      return { operation: describe(operation), errors: errors.slice(0, MAX_ERRORS) };
    } catch (error) {
      if (!(error instanceof AnswerError)) {
        throw error;
      }
      return { operation: operation && describe(operation), errors: [error.message] };
    }
  }

  checkBody(response, answer, location) {
    const content = response.content ?? {};
    const body = answer.body ?? "";
    if (Object.keys(content).length === 0) {
      return body.length === 0 ? [] : [`the document gives no content for this status, but the answer has a body of ${body.length} characters`];
    }
    if (body.length === 0) {
      return [`the document gives content (${Object.keys(content).join(", ")}), but the answer has no body`];
    }
    const mediaType = (answer.contentType ?? "").split(";")[0].trim().toLowerCase();
    const documented = [mediaType, `${mediaType.split("/")[0]}/*`, "*/*"].find((candidate) => candidate in content);
    if (documented === undefined) {
      return [`the media type '${mediaType}' is not documented for this status (documented: ${Object.keys(content).join(", ")})`];
    }
    if (!/^application\/(.+\+)?json$/.test(mediaType)) {
      return [`the media type '${mediaType}' is not JSON: this validator only judges JSON bodies`];
    }
    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      return [`the body is not valid JSON: ${error.message}`];
    }
    const schema = content[documented].schema;
    return schema === undefined ? [] : this.run(schema, `${location}/content/${escape(documented)}/schema`, parsed);
  }

  checkHeaders(response, headers, location) {
    const present = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
    const errors = [];
    for (const [name, reference] of Object.entries(response.headers ?? {})) {
      const header = resolve(this.document, reference);
      const value = present[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) {
          errors.push(`the required header '${name}' is missing`);
        }
      } else if (header.schema) {
        errors.push(...this.run(header.schema, `${location}/headers/${escape(name)}/schema`, headerValue(resolve(this.document, header.schema), value)).map((error) => `header '${name}': ${error}`));
      }
    }
    return errors;
  }

  run(schema, location, value) {
    const { validate, error } = this.schemas.validator(schema, location);
    if (error) {
      return [error];
    }
    return validate(value) ? [] : validate.errors.map((failure) => `${failure.instancePath || "/"} ${failure.message} (${failure.schemaPath}${params(failure.params)})`);
  }
}

/** A header's text as the value its schema describes (a header is text on the wire). */
function headerValue(schema, text) {
  if (schema.type === "integer" || schema.type === "number") {
    return text.trim() === "" ? text : Number(text);
  }
  return schema.type === "boolean" && (text === "true" || text === "false") ? text === "true" : text;
}

function params(values) {
  const shown = Object.entries(values ?? {}).filter(([, value]) => typeof value !== "object");
  return shown.length === 0 ? "" : `: ${shown.map(([name, value]) => `${name} ${value}`).join(", ")}`;
}

function responseLocation(operation, key) {
  return `#/paths/${escape(operation.template)}/${operation.method.toLowerCase()}/responses/${key}`;
}

function describe(operation) {
  return `${operation.method} ${operation.template}${operation.operationId ? ` (${operation.operationId})` : ""}`;
}

function escape(segment) {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}
