using SpokenDigits.Cli;

return SpokenDigitsCli.Run(args);
