// Validates answers against an OpenAPI 3.0 document, as a long-lived process fed JSON lines.
//
//   node validate.js <openapi.json>
//
// First line out: {"ready":true,"operations":<n>,"ignoredFormats":[...],"uncompilable":[...]}, or {"ready":false,"error":"..."}.
// Then, for each line in, such as
//   {"id":1,"method":"GET","path":"/api/v1/groups/4","status":200,"contentType":"application/json","headers":{},"body":"{...}"}
// ("operationId" may replace method and path), one line out, in the same order:
//   {"id":1,"valid":false,"operation":"GET /api/v1/groups/{id} (getGroup)","errors":["..."]}
// The process ends when its input does.

import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { AnswerChecker } from "./answer-checker.js";

function write(message) {
  process.stdout.write(JSON.stringify(message) + "\n");
}

let checker;
try {
  checker = new AnswerChecker(JSON.parse(readFileSync(process.argv[2], "utf8")));
  // Every schema is compiled now, so that the first line says which ones Ajv refuses and which formats go unchecked.
  const uncompilable = checker.compileAll();
  write({ ready: true, operations: checker.operations.length, ignoredFormats: [...checker.schemas.ignoredFormats], uncompilable });
} catch (error) {
  write({ ready: false, error: `the document ${process.argv[2]} cannot be used: ${error.message}` });
  process.exit(1);
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  if (line.trim() === "") {
    return;
  }
  let answer;
  try {
    answer = JSON.parse(line);
  } catch (error) {
    write({ id: null, valid: false, operation: null, errors: [`the line is not JSON: ${error.message}`] });
    return;
  }
  try {
    const { operation, errors } = checker.check(answer);
    write({ id: answer.id ?? null, valid: errors.length === 0, operation, errors });
  } catch (error) {
    write({ id: answer.id ?? null, valid: false, operation: null, errors: [`the validator failed: ${error.stack}`] });
  }
});
