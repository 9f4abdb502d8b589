import {
  NotificationList,
  NotifyPreferences,
  NotifyPreferencesInput,
  ReminderPreview,
  ReminderResult,
  getNotifyPreferences,
  listNotifications,
  previewReminder,
  readNotifications,
  sendReminder,
  setNotifyPreferences,
} from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

const base = { tag: 'notify', auth: 'actor', query: NONE, body: NONE } as const;
const Period = z.object({ period: z.string().min(1).max(40) });

export default [
  defineRoute({
    ...base,
    method: 'GET',
    url: '/api/notifications',
    summary: 'Thông báo của tôi / my notifications (newest 50) and the unread count',
    response: NotificationList,
    handler: ({ ctx }) => listNotifications(ctx),
  }),
  defineRoute({
    ...base,
    method: 'POST',
    url: '/api/notifications/read',
    summary: 'Đánh dấu đã đọc / mark my notifications read (these ids, or all)',
    body: z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }),
    response: NotificationList,
    handler: ({ ctx, body }) => readNotifications(ctx, body),
  }),
  defineRoute({
    ...base,
    method: 'GET',
    url: '/api/notifications/preferences',
    summary: 'Cài đặt thông báo / my email, language and the kinds I turned off (administrators: anyone’s)',
    query: z.object({ username: z.string().max(50).optional() }),
    response: NotifyPreferences,
    handler: ({ ctx, query }) => getNotifyPreferences(ctx, query),
  }),
  defineRoute({
    ...base,
    method: 'PUT',
    url: '/api/notifications/preferences',
    summary: 'Đổi cài đặt thông báo / change email, language, kinds turned off (returns cannot be)',
    body: NotifyPreferencesInput,
    response: NotifyPreferences,
    handler: ({ ctx, body }) => setNotifyPreferences(ctx, body),
  }),
  defineRoute({
    ...base,
    method: 'GET',
    url: '/api/forms/remind/preview',
    summary: 'Xem trước lời nhắc / who a reminder would reach: units, people, channels (sends nothing)',
    query: Period,
    response: ReminderPreview,
    handler: ({ ctx, query }) => previewReminder(ctx, query),
  }),
  defineRoute({
    ...base,
    method: 'POST',
    url: '/api/forms/remind/send',
    summary:
      'Gửi lời nhắc / remind the units that still owe the form, by app and email; answers what was sent',
    body: Period,
    response: ReminderResult,
    handler: ({ ctx, body }) => sendReminder(ctx, body),
  }),
];
