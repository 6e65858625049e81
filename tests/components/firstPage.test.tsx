import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Text, View } from '@tarojs/components';
import type { Page } from '@shared/common';
import { takeFirstEventsPage } from '../../src/api/firstPage';
import { usePagedList } from '../../src/api/hooks';

interface Item {
  id: string;
  title: string;
}

/** A list page shaped like the events page: its first page may come with the HTML. */
function List({ fetchPage }: { fetchPage: (cursor: string | undefined) => Promise<Page<Item>> }) {
  const list = usePagedList(fetchPage, 'all', takeFirstEventsPage<Item>);
  return (
    <View>
      {list.items.map((item) => (
        <Text key={item.id}>{item.title}</Text>
      ))}
      <View className='refresh' onClick={() => void list.refresh()}>
        刷新
      </View>
    </View>
  );
}

function serveWithHtml(page: Page<Item>): void {
  const element = document.createElement('script');
  element.type = 'application/json';
  element.id = 'sheshan-first-page';
  element.textContent = JSON.stringify(page);
  document.head.appendChild(element);
}

describe('the first page of events served with the HTML', () => {
  afterEach(() => document.getElementById('sheshan-first-page')?.remove());

  it('shows the events that came with the page without asking the server, and asks on a refresh', async () => {
    serveWithHtml({ items: [{ id: 'e1', title: '骑手职业技能培训' }], nextCursor: null });
    const fetchPage = jest.fn(async () => ({ items: [{ id: 'e2', title: '政策宣讲进驿站' }], nextCursor: null }));
    render(<List fetchPage={fetchPage} />);
    expect(await screen.findByText('骑手职业技能培训')).toBeTruthy();
    expect(fetchPage).not.toHaveBeenCalled();
    expect(document.getElementById('sheshan-first-page')).toBeNull();

    await act(async () => fireEvent.click(screen.getByText('刷新')));
    await waitFor(() => expect(screen.getByText('政策宣讲进驿站')).toBeTruthy());
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('asks the server when the page came without events, or with something unreadable', async () => {
    const element = document.createElement('script');
    element.type = 'application/json';
    element.id = 'sheshan-first-page';
    element.textContent = '{not json';
    document.head.appendChild(element);
    const fetchPage = jest.fn(async () => ({ items: [{ id: 'e2', title: '政策宣讲进驿站' }], nextCursor: null }));
    render(<List fetchPage={fetchPage} />);
    expect(await screen.findByText('政策宣讲进驿站')).toBeTruthy();
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});
