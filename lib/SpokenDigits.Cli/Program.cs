Console.WriteLine("spokendigits");
