global using Lapak.Tests.Infrastructure;
global using Lapak.Web.Features.Accounts;
