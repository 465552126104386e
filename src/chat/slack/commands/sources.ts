import type { SlackDeps } from '../deps.ts';
import { notice } from '../render/blocks.ts';
import { renderSourceList } from '../render/source-list.ts';
import { serviceFailureMessage } from '../user-messages.ts';
import { type CommandIO, ephemeral } from './io.ts';
import { storyTitle } from '../../../render/story-title.ts';

/** `/summit sources` and the Sources button: the full numbered list, only to the person who asked. */
export async function replySources(deps: SlackDeps, io: Pick<CommandIO, 'respond'>, storyId: string) {
  try {
    const { briefingId, briefing } = await deps.service.brief({ storyId });
    await io.respond(ephemeral(renderSourceList(storyTitle(briefing), briefing.articles, { ...deps.render, briefingId })));
  } catch (error) {
    deps.logger.error({ err: error, storyId }, 'source list failed');
    await io.respond(ephemeral(notice(serviceFailureMessage(error))));
  }
}
