/** `/api/run` in the serverless build (injected by src/deploy/serverless-integration.ts). */
import type { APIRoute } from 'astro';
import { runEndpoint } from '../endpoints.ts';

export const prerender = false;

/** Every method goes to the handler, which answers 405 for all but POST. */
export const ALL: APIRoute = ({ request }) => runEndpoint(request);
