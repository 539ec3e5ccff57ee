using ReluKernels.Cli.Commands;

return CliEntryPoint.Run(args, Console.Out, Console.Error);
