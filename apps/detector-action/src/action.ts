// Entry of the bundle (dist/index.js): the runner executes this file.
import { main } from './main';

await main();
