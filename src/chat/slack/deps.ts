import type { Logger } from 'pino';
import type { SummitService } from '../../app/summit-service.ts';
import type { EventDedupe } from './dedupe.ts';
import type { RenderOptions } from './render/sources.ts';

/** What every Slack listener is given (built once by the composition root). */
export interface SlackDeps {
  service: SummitService;
  render: RenderOptions;
  /** Member ids allowed to manage subscriptions besides workspace admins and owners. */
  adminUsers: string[];
  dedupe: EventDedupe;
  logger: Logger;
}
