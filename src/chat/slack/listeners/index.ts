import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION_IDS, TOPIC_ACTION } from '../actions.ts';
import type { SlackDeps } from '../deps.ts';
import { appMention } from './app-mention.ts';
import { sourcesButton, topicButton } from './buttons.ts';
import { summitCommand } from './summit-command.ts';
import { threadMessage } from './thread-message.ts';

/** Every listener summit registers; each lives in its own file. */
export function registerListeners(app: App, deps: SlackDeps) {
  app.command('/summit', summitCommand(deps));
  app.event('message', threadMessage(deps));
  app.event('app_mention', appMention(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: TOPIC_ACTION }, topicButton(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: ACTION_IDS.sources }, sourcesButton(deps));
}
