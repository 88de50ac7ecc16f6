import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../../shared/session/session_api';
import { NotificationsPage } from '../routes/notifications_page';
import { EVENTS_PATH } from '../use_notification_stream';
import { NotificationBell } from './notification_bell';

/** Stands in for the browser's EventSource: the test sends the server's events by hand. */
class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readonly url: string;
  readyState = FakeEventSource.CONNECTING;

  constructor(url: string) {
    super();
    this.url = url;
    FakeEventSource.instances.push(this);
  }

  emit(type: string, data: unknown): void {
    this.readyState = FakeEventSource.OPEN;
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
}

const USER: SessionUser = { id: 'u1', login: 'seeker@example.jp', email: 'seeker@example.jp', display_name: '山田 花子', role: 'seeker', organisations: [] };

const NOTICE = {
  id: 'ntf_1',
  kind: 'match',
  title: '【急募】おすすめの求人があります',
  body: '「病棟看護師」（看護師・東京都、勤務開始 2027-01-08）\n理由: 緊急募集',
  link: '/postings/pst_1',
};

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The server: a list that knows `unread`, and the read-all action. */
function mockServer(state: { unread: number }) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    if (url.startsWith('/api/v1/notifications/read-all') && init?.method === 'POST') {
      state.unread = 0;
      return new Response(null, { status: 204 });
    }
    if (url.startsWith('/api/v1/notifications')) {
      return jsonResponse({
        items: [{ ...NOTICE, created_at: '2027-01-01T09:00:00+09:00', read: state.unread === 0 }],
        total: 1,
        unread: state.unread,
        page: 1,
        per_page: 20,
      });
    }
    return jsonResponse({ error: { code: 'not_found', message: 'not found' } }, 404);
  });
}

function renderWith(children: ReactNode, initialPath = '/') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[initialPath]}>{children}</MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}

function bellName(): string {
  return screen.getByRole('link', { name: /^通知( \d+件（未読）|（未読なし）)$/ }).getAttribute('aria-label') ?? '';
}

describe('NotificationBell', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  it('counts ready, then each new notice, shows it in a polite toast, and drops to zero after read-all', async () => {
    const state = { unread: 2 };
    mockServer(state);
    const user = userEvent.setup();
    renderWith(
      <>
        <NotificationBell user={USER} />
        <NotificationsPage />
      </>,
    );
    const stream = FakeEventSource.instances[0];
    expect(stream?.url).toBe(EVENTS_PATH);

    act(() => stream?.emit('ready', { unread: 2 }));
    await waitFor(() => expect(bellName()).toBe('通知 2件（未読）'));

    const toastRegion = screen.getByRole('status', { name: '新しい通知' });
    expect(toastRegion).toHaveAttribute('aria-live', 'polite');
    expect(toastRegion).toBeEmptyDOMElement();

    state.unread = 3;
    act(() => stream?.emit('notification', NOTICE));
    await waitFor(() => expect(bellName()).toBe('通知 3件（未読）'));
    expect(toastRegion).toHaveTextContent(NOTICE.title);
    // The body keeps its line break as text.
    expect(toastRegion.querySelector('.whitespace-pre-wrap')?.textContent).toBe(NOTICE.body);

    await user.click(screen.getByRole('button', { name: 'すべて既読にする' }));
    await waitFor(() => expect(bellName()).toBe('通知（未読なし）'));
    expect(await screen.findByText('すべての通知を既読にしました。')).toBeInTheDocument();
  });

  it('takes the count of a reconnect’s ready, and closes the stream when the user logs out', async () => {
    mockServer({ unread: 1 });
    const { rerender, queryClient } = renderWith(<NotificationBell user={USER} />);
    const stream = FakeEventSource.instances[0];
    act(() => stream?.emit('ready', { unread: 1 }));
    await waitFor(() => expect(bellName()).toBe('通知 1件（未読）'));

    // EventSource reconnected by itself and the server counted again.
    act(() => stream?.emit('ready', { unread: 5 }));
    await waitFor(() => expect(bellName()).toBe('通知 5件（未読）'));

    // Logging out removes the bell from the header.
    rerender(
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>{null}</MemoryRouter>
      </QueryClientProvider>,
    );
    expect(stream?.readyState).toBe(FakeEventSource.CLOSED);
  });
});
