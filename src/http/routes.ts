/** The route table of the EPCIS 2.0 REST binding as implemented so far (EPCIS-DIGEST §a "Endpoint table"). */
import { captureLimitHeaders, getCaptureJob, listCaptureJobs, postCapture } from './handlers/capture';
import { getEventById, getEvents, postEvent } from './handlers/events';
import {
  deletePageToken,
  deleteQuery,
  getQuery,
  getQueryEvents,
  listQueries,
  postQuery,
} from './handlers/named-queries';
import { FAMILIES, familyEvents, familyMember, listFamily } from './handlers/resource-families';
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
  // Named queries and the resource families (issue 4; EPCIS-DIGEST §a "Endpoint table").
  { path: '/queries', handlers: { GET: listQueries, POST: postQuery }, topLevel: 'queries' },
  { path: '/queries/:name', handlers: { GET: getQuery, DELETE: deleteQuery } },
  { path: '/queries/:name/events', handlers: { GET: getQueryEvents } },
  { path: '/nextPageToken/:token', handlers: { DELETE: deletePageToken } },
  ...FAMILIES.flatMap((family): Route[] => [
    { path: `/${family.name}`, handlers: { GET: listFamily(family) }, topLevel: family.name },
    { path: `/${family.name}/:id`, handlers: { GET: familyMember(family) } },
    { path: `/${family.name}/:id/events`, handlers: { GET: familyEvents(family) } },
  ]),
];

export const routes: Route[] = [
  {
    path: '/',
    handlers: { GET: rootHandler(resourceRoutes.flatMap((r) => (r.topLevel ? [r.topLevel] : []))) },
  },
  ...resourceRoutes,
];
