import { describe, expect, it } from 'vitest';
import { isTainted } from '../../src/analysis/flow/taint.js';
import { probe } from './harness.js';

describe('taintOf with throughConversions', () => {
  const code = `
    app.get('/x/:id', (req, res) => {
      const n = Number(req.params.id);
      probe(n); probe(parseInt(req.params.id, 10)); probe(+req.params.id); probe(new ObjectId(req.params.id));
      probe(schema.parse(req.params).id); probe(Number.parseInt(req.query.page)); probe(req.user.id);
    });
    app.get('/h/:id', (c) => { probe(c.req.valid('param').id); });
  `;
  it('keeps the client’s choice through conversions and validation', () => {
    expect(probe(code, (node, sc) => isTainted(node, sc, { throughConversions: true }))).toEqual([true, true, true, true, true, true, false, true]);
  });
  it('leaves the default behaviour unchanged', () => {
    expect(probe(code, (node, sc) => isTainted(node, sc))).toEqual([false, false, false, false, false, false, false, false]);
  });
});
