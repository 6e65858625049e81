/** The dispatch table: one use case per action, typed from the contract. */
import type { ActionName, ActionOutput, ParsedInput } from '@shared/contract';
import type { Ctx } from './context';
import { cancelEvent, createEvent, getEvent, listEvents, publishEvent, updateEvent } from '../events/use-cases';
import {
  cancelRegistration,
  checkIn,
  listEventRegistrations,
  listMyRegistrations,
  registerForEvent,
} from '../registrations/use-cases';
import { demoLogin, getMe, grantRole, listUsers, revokeRole } from '../users/use-cases';

export type Handlers = { [A in ActionName]: (ctx: Ctx, input: ParsedInput<A>) => Promise<ActionOutput<A>> };

export const handlers: Handlers = {
  'auth.demoLogin': demoLogin,
  'me.get': getMe,
  'events.list': listEvents,
  'events.get': getEvent,
  'events.create': createEvent,
  'events.update': updateEvent,
  'events.publish': publishEvent,
  'events.cancel': cancelEvent,
  'registrations.create': registerForEvent,
  'registrations.cancel': cancelRegistration,
  'registrations.mine': listMyRegistrations,
  'registrations.listByEvent': listEventRegistrations,
  'registrations.checkIn': checkIn,
  'users.list': listUsers,
  'users.grantRole': grantRole,
  'users.revokeRole': revokeRole,
};
