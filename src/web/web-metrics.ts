import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface WebMetrics {
  registry: Registry;
  observe(route: string, status: number, seconds: number): void;
}

/** The web process's own Prometheus registry: requests by route and status, and their durations. */
export function createWebMetrics(): WebMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'summit_web_requests_total',
    help: 'Web page requests by route and HTTP status',
    labelNames: ['route', 'status'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'summit_web_request_duration_seconds',
    help: 'Time to answer a web request, by route',
    labelNames: ['route'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return {
    registry,
    observe(route, status, seconds) {
      requests.inc({ route, status: String(status) });
      durations.observe({ route }, seconds);
    },
  };
}
