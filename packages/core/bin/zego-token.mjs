#!/usr/bin/env node
// The zego-token command. A committed file, so that package managers can link the bin before dist/ is built.
import { main } from '../dist/cli.mjs';

await main();
