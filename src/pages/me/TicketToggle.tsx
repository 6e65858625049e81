import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RegistrationWithEvent } from '@shared/registrations';
import { Ticket } from '../../components/Ticket';

/** A seat at an event still to come (or under way) has a ticket to show at the door. */
export function hasTicket(r: RegistrationWithEvent, now = Date.now()): boolean {
  return (r.status === 'confirmed' || r.status === 'attended') && r.event.status === 'published' && Date.parse(r.event.endAt) > now;
}

/** 出示签到码 under a sign-up in 我的报名: the ticket opens in place, so it is one tap away at the door. */
export function TicketToggle({ registration }: { registration: RegistrationWithEvent }) {
  const [open, setOpen] = useState(false);
  return (
    <View className='my-ticket'>
      <View aria-role='button' className='my-ticket__toggle ticket-toggle' onClick={() => setOpen(!open)}>
        <Text>{open ? '收起签到码' : '出示签到码'}</Text>
      </View>
      {open ? <Ticket registrationId={registration.id} attended={registration.status === 'attended'} /> : null}
    </View>
  );
}
