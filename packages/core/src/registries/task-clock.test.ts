import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { createRegistryItems } from './registries.ts';
import { changeTaskStatus, overdueTasks } from './task-history.ts';

let db: Database;
let anh: Ctx;
let late: number;
let moving: number;

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await initStore(sys);
  anh = { ...sys, actor: { username: 'can-bo-anh', role: 'officer', unitId: null } };
  const { items } = await createRegistryItems(anh, [
    { kind: 'task', period: '2024M10', title: 'Hoàn thành báo cáo đánh giá an toàn', dueOn: '2024-10-19' },
    { kind: 'task', period: '2024M10', title: 'Triển khai nền tảng giám sát', dueOn: '2024-10-25' },
  ]);
  [late, moving] = items.map((t) => t.id) as [number, number];
}, 180_000);
afterAll(() => db.close());
afterEach(() => vi.useRealTimers());

/** Only the clock is faked: the database's own timers run as they are. */
const at = (iso: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
};

describe("a task's day is Vietnam's day (UTC+7), not Greenwich's", () => {
  it('at 23:30 on the 19th in Hà Nội (16:30 UTC) a task due on the 19th is not yet overdue', async () => {
    at('2024-10-19T16:30:00Z');
    expect((await overdueTasks(anh)).map((t) => t.id)).not.toContain(late);
  });

  it('at 00:30 on the 20th in Hà Nội (still the 19th in UTC) it is one day late', async () => {
    at('2024-10-19T17:30:00Z');
    const overdue = await overdueTasks(anh);
    expect(overdue.find((t) => t.id === late)).toMatchObject({ dueOn: '2024-10-19', daysLate: 1 });
    expect(overdue.map((t) => t.id)).not.toContain(moving);
  });

  it('a status changed at 00:30 on the 20th in Hà Nội takes effect on the 20th', async () => {
    at('2024-10-19T17:30:00Z');
    const r = await changeTaskStatus(anh, { id: moving, status: 'in_progress', note: 'Đang lắp đặt' });
    expect(r.history.at(-1)).toMatchObject({ status: 'in_progress', on: '2024-10-20' });
  });

  it('a status changed at 23:59 on the 20th in Hà Nội (16:59 UTC) takes effect on the 20th', async () => {
    at('2024-10-20T16:59:00Z');
    const r = await changeTaskStatus(anh, { id: late, status: 'done' });
    expect(r.history.at(-1)).toMatchObject({ status: 'done', on: '2024-10-20' });
  });
});
