// Placeholder until the benchmark scenarios land.
Console.WriteLine("Lapak.Bench: no scenarios yet.");
