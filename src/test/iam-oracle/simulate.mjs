// Reads simulations (one JSON object per line: {"id": n, "simulation": {...}}) and writes one decision per line:
// {"id": n, "result": "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied" | "Error", "message": ...}.
import { readFileSync, writeFileSync } from 'node:fs';
import { runSimulation } from '@cloud-copilot/iam-simulate';

const [input, output] = process.argv.slice(2);
const lines = readFileSync(input, 'utf8').split('\n').filter((l) => l.trim().length > 0);
const out = [];
for (const line of lines) {
  const { id, simulation } = JSON.parse(line);
  try {
    const response = await runSimulation(simulation, {});
    if (response.resultType === 'error') {
      out.push(JSON.stringify({ id, result: 'Error', message: response.errors.message }));
    } else {
      out.push(JSON.stringify({ id, result: response.overallResult }));
    }
  } catch (e) {
    out.push(JSON.stringify({ id, result: 'Error', message: String(e && e.message) }));
  }
}
writeFileSync(output, out.join('\n') + '\n');
