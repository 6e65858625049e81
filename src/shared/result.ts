/** The one result shape of every action, on both transports, and the closed list of error codes. */

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_IN_AUDIENCE'
  | 'DEMO_LOGIN_DISABLED'
  | 'NOT_FOUND'
  | 'UNKNOWN_ACTION'
  | 'EVENT_NOT_PUBLISHED'
  | 'EVENT_CANCELLED'
  | 'EVENT_ENDED'
  | 'REGISTRATION_CLOSED'
  | 'EVENT_FULL'
  | 'OUTSIDE_CHECKIN_WINDOW'
  | 'NOT_REGISTERED'
  | 'NOT_CONFIRMED'
  | 'TICKET_EXPIRED'
  | 'INVALID_TRANSITION'
  | 'CAPACITY_BELOW_CONFIRMED'
  | 'LAST_ADMIN'
  | 'ALREADY_SUBMITTED'
  | 'NOT_EDITABLE'
  | 'ORG_EXISTS'
  | 'RATE_LIMITED'
  | 'INTERNAL';

/** One invalid field: where it is and what is wrong, in Chinese. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: Issue[];
  /** On INTERNAL from the gateway: the id its log lines carry, for the person to quote when asking for help. */
  requestId?: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** HTTP status of each code on the gateway (DESIGN.md, "The action protocol"). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_IN_AUDIENCE: 403,
  DEMO_LOGIN_DISABLED: 403,
  NOT_FOUND: 404,
  UNKNOWN_ACTION: 404,
  EVENT_NOT_PUBLISHED: 409,
  EVENT_CANCELLED: 409,
  EVENT_ENDED: 409,
  REGISTRATION_CLOSED: 409,
  EVENT_FULL: 409,
  OUTSIDE_CHECKIN_WINDOW: 409,
  NOT_REGISTERED: 409,
  NOT_CONFIRMED: 409,
  TICKET_EXPIRED: 409,
  INVALID_TRANSITION: 409,
  CAPACITY_BELOW_CONFIRMED: 409,
  LAST_ADMIN: 409,
  ALREADY_SUBMITTED: 409,
  NOT_EDITABLE: 409,
  ORG_EXISTS: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** Default Chinese message per code; a use case may give a more precise one. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查后重试',
  PAYLOAD_TOO_LARGE: '提交的内容太大',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_IN_AUDIENCE: '该活动不面向您所在的群体',
  DEMO_LOGIN_DISABLED: '演示登录在正式环境中不可用',
  NOT_FOUND: '内容不存在或已删除',
  UNKNOWN_ACTION: '不支持的操作',
  EVENT_NOT_PUBLISHED: '活动尚未发布',
  EVENT_CANCELLED: '活动已取消',
  EVENT_ENDED: '活动已结束',
  REGISTRATION_CLOSED: '报名已截止',
  EVENT_FULL: '名额已满',
  OUTSIDE_CHECKIN_WINDOW: '现在不在签到时间内',
  NOT_REGISTERED: '您没有报名这个活动',
  NOT_CONFIRMED: '您的报名尚未确认（候补中或已取消）',
  TICKET_EXPIRED: '登录二维码已过期，请刷新后重新扫码',
  INVALID_TRANSITION: '当前状态下不能进行此操作',
  CAPACITY_BELOW_CONFIRMED: '人数上限不能少于已报名人数',
  LAST_ADMIN: '至少需要保留一名管理员',
  ALREADY_SUBMITTED: '您已有一份正在跟进的申请，请勿重复提交',
  NOT_EDITABLE: '工作人员已与您联系，内容不能再修改',
  ORG_EXISTS: '该统一社会信用代码已登记在另一家组织名下',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务暂时不可用，请稍后再试',
};
