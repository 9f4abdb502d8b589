import type { Form, ReportingPeriod, ValueHistoryEntry } from '@baocao/core/browser';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Answer, type CallInput, type RouteKey, urlOf } from './client.ts';

describe('the typed client', () => {
  it('fills path parameters and the query, leaving out what is empty', () => {
    expect(urlOf('DELETE /api/registries/:id', { params: { id: 5 }, query: { reason: 'nhập nhầm' } })).toBe(
      '/api/registries/5?reason=nh%E1%BA%ADp+nh%E1%BA%A7m',
    );
    expect(urlOf('GET /api/forms', { query: { unit: 'P48', period: '' } })).toBe('/api/forms?unit=P48');
    expect(urlOf('GET /api/periods')).toBe('/api/periods');
  });

  it('takes its paths, inputs and answers from the route declarations (checked by tsc)', () => {
    expectTypeOf<Answer<'GET /api/forms'>>().toEqualTypeOf<Form>();
    expectTypeOf<Answer<'GET /api/periods'>>().toEqualTypeOf<ReportingPeriod[]>();
    expectTypeOf<Answer<'GET /api/values/history'>>().toEqualTypeOf<ValueHistoryEntry[]>();
    expectTypeOf<CallInput<'POST /api/forms/approve'>['body']>().toEqualTypeOf<{
      unit: string;
      period: string;
      acknowledge?: string[] | undefined;
    }>();
    expectTypeOf<'GET /api/forms'>().toMatchTypeOf<RouteKey>();
    // @ts-expect-error: no such route
    expectTypeOf<'GET /api/no-such-route'>().toMatchTypeOf<RouteKey>();
  });
});
