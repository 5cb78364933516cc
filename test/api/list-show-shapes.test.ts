import request from 'supertest';
import { bodyOf, startTestApi, type TestApi } from './support/test-app';

type Schema = {
  $ref?: string;
  type?: string | string[];
  items?: Schema;
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * react-admin shows a list's row as the show page's record until `getOne` answers, so a field the two
 * answers share must have the same kind in both (the price consistency page crashed on a row whose
 * `channels` was a count where the page maps over channels). Checked for every resource from the API's own
 * OpenAPI document: each `GET /api/<resource>` answering an array and `GET /api/<resource>/{id}` an object.
 */
describe('list rows and show records of a resource', () => {
  let api: TestApi;
  beforeAll(() => {
    api = startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('give every field they share the same kind', async () => {
    const document = bodyOf<OpenApiDocument>(await request(api.app).get('/api/docs.json'));
    const resolve = (schema: Schema | undefined): Schema | undefined => {
      if (schema?.$ref === undefined) return schema;
      return resolve(document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
    };
    const kindsOf = (schema: Schema | undefined): string[] => {
      const resolved = resolve(schema);
      if (resolved === undefined) return [];
      const variants = [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.allOf ?? [])];
      if (variants.length > 0) return [...new Set(variants.flatMap(kindsOf))].sort();
      const types = resolved.type === undefined ? ['any'] : [resolved.type].flat();
      return [...new Set(types.map((type) => (type === 'integer' ? 'number' : type)))].filter((type) => type !== 'null').sort();
    };
    const okSchema = (path: string) => resolve(document.paths[path]?.get?.responses?.['200']?.content?.['application/json']?.schema);

    const compared: string[] = [];
    const conflicts: string[] = [];
    for (const path of Object.keys(document.paths)) {
      const list = okSchema(path);
      const show = okSchema(`${path}/{id}`);
      const row = resolve(list?.items);
      if (list?.type !== 'array' || row?.properties === undefined || show?.properties === undefined) continue;
      compared.push(path);
      for (const [field, rowSchema] of Object.entries(row.properties)) {
        const showSchema = show.properties[field];
        if (showSchema === undefined) continue;
        const [rowKinds, showKinds] = [kindsOf(rowSchema), kindsOf(showSchema)];
        if (rowKinds.includes('any') || showKinds.includes('any')) continue;
        if (rowKinds.join('|') !== showKinds.join('|'))
          conflicts.push(`${path} ${field}: row ${rowKinds.join('|')}, show ${showKinds.join('|')}`);
      }
    }

    // The check reached the resources it is about.
    expect(compared).toEqual(expect.arrayContaining(['/api/orders', '/api/price-consistency', '/api/returns', '/api/promotions']));
    expect(conflicts).toEqual([]);
  });
});
