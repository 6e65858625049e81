import { fireEvent, render, screen } from '@testing-library/react';
import { EventCard } from '../../src/components/EventCard';
import { anEvent, NOW } from './factories';

describe('EventCard', () => {
  it('shows the type in Chinese, the title, the place and the Shanghai date with weekday and time range', () => {
    render(<EventCard event={anEvent()} now={NOW} />);

    expect(screen.getByText('培训')).toBeTruthy();
    expect(screen.getByText('网约车司机职业技能培训')).toBeTruthy();
    expect(screen.getByText('佘山镇党群服务中心')).toBeTruthy();
    expect(screen.getByText('12月3日 周四 14:00–16:00')).toBeTruthy();
  });

  it('shows Shanghai time even when the instant is given in UTC', () => {
    render(<EventCard event={anEvent({ startAt: '2026-12-03T06:00:00Z', endAt: '2026-12-03T08:30:00Z' })} now={NOW} />);

    expect(screen.getByText('12月3日 周四 14:00–16:30')).toBeTruthy();
  });

  it('shows how many seats are left while there are some', () => {
    render(<EventCard event={anEvent({ seatsLeft: 12 })} now={NOW} />);

    expect(screen.getByText('剩余 12 个名额')).toBeTruthy();
    expect(screen.queryByText(/名额已满/)).toBeNull();
  });

  it('says the event is full but open for the waitlist when no seat is left and the waitlist is on', () => {
    render(<EventCard event={anEvent({ seatsLeft: 0, confirmedCount: 30, waitlist: true })} now={NOW} />);

    expect(screen.getByText('名额已满（可候补）')).toBeTruthy();
    expect(screen.queryByText(/剩余/)).toBeNull();
  });

  it('says only that the event is full when there is no waitlist', () => {
    render(<EventCard event={anEvent({ seatsLeft: 0, confirmedCount: 30, waitlist: false })} now={NOW} />);

    expect(screen.getByText('名额已满')).toBeTruthy();
    expect(screen.queryByText('名额已满（可候补）')).toBeNull();
  });

  it('shows each event type by its Chinese name', () => {
    render(
      <>
        <EventCard event={anEvent({ id: 'a', type: 'fair' })} now={NOW} />
        <EventCard event={anEvent({ id: 'b', type: 'policy' })} now={NOW} />
        <EventCard event={anEvent({ id: 'c', type: 'salon' })} now={NOW} />
        <EventCard event={anEvent({ id: 'd', type: 'service' })} now={NOW} />
      </>,
    );

    for (const label of ['招聘专场', '政策宣讲', '人才会客厅', '送服务']) expect(screen.getByText(label)).toBeTruthy();
  });

  it('adds the year when the event is not in the current year', () => {
    render(<EventCard event={anEvent({ startAt: '2027-01-05T09:00:00+08:00', endAt: '2027-01-05T11:00:00+08:00' })} now={NOW} />);

    expect(screen.getByText('2027年1月5日 周二 09:00–11:00')).toBeTruthy();
  });

  it('shows the draft or cancelled status only where asked (staff lists)', () => {
    const { rerender } = render(<EventCard event={anEvent({ status: 'draft' })} now={NOW} />);
    expect(screen.queryByText('草稿')).toBeNull();

    rerender(<EventCard event={anEvent({ status: 'draft' })} now={NOW} showStatus />);
    expect(screen.getByText('草稿')).toBeTruthy();
  });

  it('tells the list which event was tapped', () => {
    const onTap = jest.fn();
    const event = anEvent();
    render(<EventCard event={event} now={NOW} onTap={onTap} />);

    fireEvent.click(screen.getByText('网约车司机职业技能培训'));

    expect(onTap).toHaveBeenCalledWith(event);
  });
});
