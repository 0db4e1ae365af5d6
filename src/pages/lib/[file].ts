// lib/*.ts at /lib/<file>, a stable URL to download or import from: each file as it is, minus
// the region markers the chapters use.
import type { APIRoute, GetStaticPaths } from 'astro';
import { libFiles, readLibFile, stripRegions } from '../../build/regions.ts';

export const getStaticPaths = (() => libFiles().map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(stripRegions(readLibFile(String(params.file))), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
