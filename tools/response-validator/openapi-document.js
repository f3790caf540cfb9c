// An OpenAPI 3.0 document as the validator needs it: its operations, the operation a request names, and the
// response object the document gives for a status.

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Follows local references ("#/components/..."), as many as chain; anything else is a document error. */
export function resolve(document, node) {
  const seen = new Set();
  while (node && typeof node.$ref === "string") {
    if (seen.has(node.$ref)) {
      throw new Error(`the reference ${node.$ref} is circular`);
    }
    seen.add(node.$ref);
    node = pointer(document, node.$ref);
  }
  return node;
}

/** The value a local JSON pointer ("#/a/b") designates. */
export function pointer(document, ref) {
  if (!ref.startsWith("#/")) {
    throw new Error(`only local references are supported, not ${ref}`);
  }
  let node = document;
  for (const part of ref.slice(2).split("/")) {
    const key = decodeURIComponent(part).replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object" || !(key in node)) {
      throw new Error(`the reference ${ref} points to nothing`);
    }
    node = node[key];
  }
  return node;
}

/** Every operation: method (upper case), path template, operationId and the operation object. */
export function operations(document) {
  const found = [];
  for (const [template, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      if (item[method]) {
        found.push({ method: method.toUpperCase(), template, operationId: item[method].operationId, operation: item[method] });
      }
    }
  }
  return found;
}

/**
 * The suffixes the document says a path may end with to choose the answer's format (`x-path-format-suffixes`, such as
 * ClicRDV's ".json"): `/groups.json` is `/groups`. None unless the document declares them.
 */
export function formatSuffixes(document) {
  const suffixes = document["x-path-format-suffixes"];
  return Array.isArray(suffixes) ? suffixes.filter((suffix) => typeof suffix === "string" && suffix.length > 0) : [];
}

/**
 * The operation for a method and a path (a concrete path, with or without its query, or a template), or for an
 * operationId. A concrete segment is preferred to a template segment, as OpenAPI requires.
 */
export function findOperation(all, { method, path, operationId }, suffixes = []) {
  if (operationId) {
    return all.find((candidate) => candidate.operationId === operationId) ?? fail(`the document has no operation '${operationId}'`);
  }
  const bare = path.split(/[?#]/)[0];
  const suffix = suffixes.find((candidate) => bare.endsWith(candidate));
  const segments = (suffix ? bare.slice(0, -suffix.length) : bare).split("/");
  const matching = all
    .filter((candidate) => candidate.method === method.toUpperCase())
    .map((candidate) => ({ candidate, score: matchScore(candidate.template.split("/"), segments) }))
    .filter((match) => match.score >= 0)
    .sort((a, b) => b.score - a.score);
  return matching[0]?.candidate ?? fail(`no operation of the document matches ${method.toUpperCase()} ${path.split(/[?#]/)[0]}`);
}

/** How many literal segments match, or -1 when the path does not fit the template. */
function matchScore(templateSegments, segments) {
  if (templateSegments.length !== segments.length) {
    return -1;
  }
  let literal = 0;
  for (let index = 0; index < segments.length; index++) {
    const part = templateSegments[index];
    if (/^\{[^}]+\}$/.test(part) && part !== segments[index]) {
      if (segments[index].length === 0) {
        return -1;
      }
    } else if (part === segments[index]) {
      literal++;
    } else {
      return -1;
    }
  }
  return literal;
}

/** The response object for a status: the exact code, then its range (such as "4XX"), then "default". */
export function findResponse(document, operation, status) {
  const responses = operation.operation.responses ?? {};
  const key = [String(status), `${String(status)[0]}XX`, "default"].find((candidate) => candidate in responses);
  if (key === undefined) {
    fail(`status ${status} is not documented for ${operation.method} ${operation.template} (documented: ${Object.keys(responses).join(", ")})`);
  }
  return { key, response: resolve(document, responses[key]) };
}

function fail(message) {
  throw new AnswerError(message);
}

/** An answer the document does not allow (as opposed to a failure of the validator itself). */
export class AnswerError extends Error {}
