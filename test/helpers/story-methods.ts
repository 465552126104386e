import type { SummitService } from '../../src/app/summit-service.ts';
import { StoryNotFoundError } from '../../src/stories/errors.ts';

type StoryMethods = Pick<
  SummitService,
  'storyTopics' | 'channelStory' | 'stories' | 'findStory' | 'createStory' | 'renameStory' | 'archiveStory' | 'setStoryTopics' | 'follow'
>;

/** The story methods of a fake service serving one story with these topics; it cannot make or follow others. */
export function oneStoryMethods(storyId: string, topics: { id: string; label: string }[]): StoryMethods {
  const refuse = async (): Promise<never> => {
    throw new Error('this test service serves one story');
  };
  return {
    storyTopics: async () => topics,
    channelStory: async () => storyId,
    stories: async () => [],
    findStory: async (_owner, ref) => {
      throw new StoryNotFoundError(ref);
    },
    createStory: refuse,
    renameStory: refuse,
    archiveStory: refuse,
    setStoryTopics: refuse,
    follow: refuse,
  };
}
