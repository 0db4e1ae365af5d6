// lib/*.ts served as they are at /lib/<file>, a stable URL to download or import from.
import type { APIRoute, GetStaticPaths } from 'astro';
import { libFiles, readLibFile } from '../../build/regions.ts';

export const getStaticPaths = (() => libFiles().map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readLibFile(String(params.file)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
