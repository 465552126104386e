/**
 * The subset of JSON Schema that OpenAI structured outputs use, checked the way the service
 * does: a strict schema must close every object and require every property, and a reply must
 * conform to it (a real strict-mode server cannot produce anything else).
 */

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Problems that make OpenAI reject a `strict: true` schema with HTTP 400. */
export function strictSchemaProblems(schema: unknown, path = '$'): string[] {
  if (!isObject(schema)) return [`${path}: schema must be an object`];
  const problems: string[] = [];
  if (schema.type === 'object') {
    const properties = isObject(schema.properties) ? schema.properties : {};
    if (schema.additionalProperties !== false) problems.push(`${path}: additionalProperties must be false`);
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const key of Object.keys(properties)) {
      if (!required.includes(key)) problems.push(`${path}: property "${key}" must be required`);
      problems.push(...strictSchemaProblems(properties[key], `${path}.${key}`));
    }
  } else if (schema.type === 'array') {
    problems.push(...strictSchemaProblems(schema.items, `${path}[]`));
  } else if (!['string', 'number', 'integer', 'boolean', 'null'].includes(String(schema.type))) {
    problems.push(`${path}: unsupported type ${JSON.stringify(schema.type)}`);
  }
  if ('enum' in schema && (!Array.isArray(schema.enum) || schema.enum.length === 0)) {
    problems.push(`${path}: enum must be a non-empty array`);
  }
  return problems;
}

/** Where a value does not conform to a schema (empty when it does). */
export function conformanceProblems(value: unknown, schema: Schema, path = '$'): string[] {
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    return [`${path}: ${JSON.stringify(value)} is not one of the enum values`];
  }
  switch (schema.type) {
    case 'object': {
      if (!isObject(value)) return [`${path}: expected an object`];
      const properties = (isObject(schema.properties) ? schema.properties : {}) as Record<string, Schema>;
      const problems: string[] = [];
      for (const key of (schema.required as string[] | undefined) ?? []) {
        if (!(key in value)) problems.push(`${path}: missing "${key}"`);
      }
      for (const [key, field] of Object.entries(value)) {
        const fieldSchema = properties[key];
        if (!fieldSchema) {
          if (schema.additionalProperties === false) problems.push(`${path}: unexpected "${key}"`);
        } else problems.push(...conformanceProblems(field, fieldSchema, `${path}.${key}`));
      }
      return problems;
    }
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected an array`];
      return value.flatMap((item, i) => conformanceProblems(item, schema.items as Schema, `${path}[${i}]`));
    case 'string':
      return typeof value === 'string' ? [] : [`${path}: expected a string`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected a boolean`];
    case 'number':
      return typeof value === 'number' ? [] : [`${path}: expected a number`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${path}: expected an integer`];
    case 'null':
      return value === null ? [] : [`${path}: expected null`];
    default:
      return [`${path}: unsupported schema type ${JSON.stringify(schema.type)}`];
  }
}
