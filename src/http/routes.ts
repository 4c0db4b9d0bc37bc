/** The route table of the EPCIS 2.0 REST binding as implemented so far (EPCIS-DIGEST §a "Endpoint table"). */
import { captureLimitHeaders, getCaptureJob, listCaptureJobs, postCapture } from './handlers/capture';
import { getEventById, getEvents, postEvent } from './handlers/events';
import { rootHandler } from './handlers/root';
import type { Route } from './route-table';

const resourceRoutes: Route[] = [
  {
    path: '/capture',
    handlers: { GET: listCaptureJobs, POST: postCapture },
    discovery: captureLimitHeaders,
    topLevel: 'capture',
  },
  { path: '/capture/:captureID', handlers: { GET: getCaptureJob } },
  { path: '/events', handlers: { GET: getEvents, POST: postEvent }, topLevel: 'events' },
  { path: '/events/:eventID', handlers: { GET: getEventById } },
];

export const routes: Route[] = [
  {
    path: '/',
    handlers: { GET: rootHandler(resourceRoutes.flatMap((r) => (r.topLevel ? [r.topLevel] : []))) },
  },
  ...resourceRoutes,
];
