export { createHttpApp, type HttpAppOptions } from './create-http-app.ts';
export { type MountTrpcOptions, mountTrpc } from './trpc/mount-trpc.ts';
