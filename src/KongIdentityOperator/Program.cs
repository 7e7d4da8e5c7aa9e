Console.WriteLine("Kong Identity Operator: not built yet");
return 1;
