#!/usr/bin/env node
import { main } from './scan.js';

process.exitCode = await main(process.argv.slice(2));
