/**
 * The action contract: for every action its input schema, who may call it and its output type.
 * The client's `callApi` and the server's dispatch table are both typed from this one object.
 */
import { z } from 'zod';
import { Empty, type Page } from './common';
import {
  EventCancelInput,
  EventCreateInput,
  EventIdInput,
  EventListInput,
  EventUpdateInput,
  type Event,
  type EventDetail,
} from './events';
import {
  RegistrationCreateInput,
  RegistrationIdInput,
  RegistrationsByEventInput,
  type Registration,
  type RegistrationWithEvent,
  type RegistrationWithUser,
} from './registrations';
import { DemoLoginInput, RoleChangeInput, UsersListInput, type DemoLoginOutput, type Me, type UserSummary } from './users';

/**
 * Who may call an action.
 * public: anyone, logged in or not · user: any logged-in person · staff: 综合党委 staff (or admin) · admin: admin only.
 */
export type Access = 'public' | 'user' | 'staff' | 'admin';

export interface ActionSpec<S extends z.ZodTypeAny, O> {
  input: S;
  access: Access;
  /** Phantom: carries the output type only. */
  output?: O;
}

const action = <O>() => <S extends z.ZodTypeAny>(access: Access, input: S): ActionSpec<S, O> => ({ access, input });

export const contract = {
  'auth.demoLogin': action<DemoLoginOutput>()('public', DemoLoginInput),
  'me.get': action<Me>()('user', Empty),

  'events.list': action<Page<Event>>()('public', EventListInput),
  'events.get': action<EventDetail>()('public', EventIdInput),
  'events.create': action<Event>()('staff', EventCreateInput),
  'events.update': action<Event>()('staff', EventUpdateInput),
  'events.publish': action<Event>()('staff', EventIdInput),
  'events.cancel': action<Event>()('staff', EventCancelInput),

  'registrations.create': action<Registration>()('user', RegistrationCreateInput),
  'registrations.cancel': action<Registration>()('user', RegistrationIdInput),
  'registrations.mine': action<RegistrationWithEvent[]>()('user', Empty),
  'registrations.listByEvent': action<RegistrationWithUser[]>()('staff', RegistrationsByEventInput),
  'registrations.checkIn': action<Registration>()('staff', RegistrationIdInput),

  'users.list': action<UserSummary[]>()('admin', UsersListInput),
  'users.grantRole': action<UserSummary>()('admin', RoleChangeInput),
  'users.revokeRole': action<UserSummary>()('admin', RoleChangeInput),
} as const;

export type Contract = typeof contract;
export type ActionName = keyof Contract;
export type ActionInput<A extends ActionName> = z.input<Contract[A]['input']>;
export type ParsedInput<A extends ActionName> = z.output<Contract[A]['input']>;
export type ActionOutput<A extends ActionName> = Contract[A] extends ActionSpec<z.ZodTypeAny, infer O> ? O : never;

export const ACTION_NAMES = Object.keys(contract) as ActionName[];

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
