/** Sign-up questions a 送培训 for riders asks, for tests of questions, answers and exports. */
import type { Question } from '@shared/questions';

export const RIDER_QUESTIONS: Question[] = [
  { id: 'platform', kind: 'single', label: '所在平台', required: true, options: ['美团', '饿了么', '顺丰'] },
  { id: 'member', kind: 'single', label: '是否党员', required: true, options: ['是', '否'] },
  { id: 'needs', kind: 'multi', label: '需要的服务', required: false, options: ['技能认定', '权益咨询', '免费体检'] },
  { id: 'years', kind: 'number', label: '从业年限', required: false },
  { id: 'note', kind: 'text', label: '想了解的内容', required: false },
];
