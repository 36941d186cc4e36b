global using Lapak.E2E.Infrastructure;
global using Lapak.Tests.Infrastructure;
global using Microsoft.Playwright;
global using static Microsoft.Playwright.Assertions;
