using System.Text.Json;
using OpenC3.Bench;

// One JSON object on stdout per command; bench/run.sh collects them.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: OpenC3.Bench task|make-job|tasks|seed|reads|remote-command --base URL [options]; see bench/README.md");
    return 2;
}

var options = new Options(args.Skip(1));
object result = args[0] switch
{
    "task" => await FanoutRun.RunAsync(options),
    "make-job" => await ThreeStepJob.CreateAsync(options),
    "tasks" => await TaskThroughput.RunAsync(options),
    "seed" => await Seeder.RunAsync(options),
    "reads" => await ReadLoad.RunAsync(options),
    "remote-command" => RemoteCommand.Build(options),
    _ => throw new ArgumentException($"unknown command {args[0]}"),
};
Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
return 0;
