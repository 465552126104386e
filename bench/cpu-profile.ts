import { Session } from 'node:inspector/promises';

/** Time spent in one callee of a profiled entry point, children included. */
export interface PhaseTime {
  phase: string;
  ms: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Runs `work` under V8's sampling profiler and returns, for each entry point named in `entries`,
 * the time of each function it calls directly. This splits the engine into its phases without
 * copying its code here.
 */
export async function profilePhases<T>(work: () => T, entries: string[]): Promise<{ result: T; phases: PhaseTime[] }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const result = work();
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  return { result, phases: phasesOf(profile, entries) };
}

function phasesOf(profile: Profile, entries: string[]): PhaseTime[] {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<number, number>();
  const inclusive = (id: number): number => {
    const known = total.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const sum = (self.get(id) ?? 0) + (node?.children ?? []).reduce((n, c) => n + inclusive(c), 0);
    total.set(id, sum);
    return sum;
  };
  const phases = new Map<string, number>();
  for (const node of profile.nodes) {
    const entry = node.callFrame.functionName;
    if (!entries.includes(entry)) continue;
    phases.set(`${entry} (self)`, (phases.get(`${entry} (self)`) ?? 0) + (self.get(node.id) ?? 0));
    for (const child of node.children ?? []) {
      const frame = byId.get(child)?.callFrame;
      const name = `${entry} > ${frame?.functionName || '(anonymous)'} ${frame?.url.split('/').pop() ?? ''}`;
      phases.set(name, (phases.get(name) ?? 0) + inclusive(child));
    }
  }
  return [...phases]
    .map(([phase, us]) => ({ phase, ms: us / 1000 }))
    .filter((p) => p.ms >= 1)
    .sort((a, b) => b.ms - a.ms);
}
